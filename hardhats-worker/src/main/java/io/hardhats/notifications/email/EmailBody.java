package io.hardhats.notifications.email;

import java.util.List;
import java.util.Map;

/**
 * An e-mail's HTML and its plain-text alternative, written together so both always say the same.
 * Every piece of text is escaped for the HTML part.
 */
public record EmailBody(String html, String text) {

    /** The content ID of the inline image an HTML part refers to as {@code cid:frame}. */
    public static final String FRAME_ID = "frame";

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private final StringBuilder html = new StringBuilder();
        private final StringBuilder text = new StringBuilder();

        private Builder() {
        }

        public Builder heading(String heading) {
            html.append("<h2 style=\"margin:0 0 12px;font-size:20px\">").append(escape(heading)).append("</h2>\n");
            text.append(heading).append('\n').append("=".repeat(Math.min(heading.length(), 72))).append("\n\n");
            return this;
        }

        public Builder paragraph(String paragraph) {
            html.append("<p style=\"margin:0 0 12px\">").append(escape(paragraph)).append("</p>\n");
            text.append(paragraph).append("\n\n");
            return this;
        }

        /** The inline frame; the text part cannot show it and says where it is instead. */
        public Builder frame(String altText) {
            html.append("<p style=\"margin:0 0 12px\"><img src=\"cid:").append(FRAME_ID).append("\" alt=\"")
                    .append(escape(altText)).append("\" style=\"max-width:100%;height:auto;border:1px solid #ccd\"></p>\n");
            text.append("(").append(altText).append(": attached to the HTML version of this message)\n\n");
            return this;
        }

        /** Label and value pairs, one per line. */
        public Builder facts(Map<String, String> facts) {
            html.append("<table style=\"border-collapse:collapse;margin:0 0 12px\">\n");
            facts.forEach((label, value) -> {
                html.append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;color:#555\">").append(escape(label))
                        .append("</th><td style=\"padding:2px 0\">").append(escape(value)).append("</td></tr>\n");
                text.append(label).append(": ").append(value).append('\n');
            });
            html.append("</table>\n");
            text.append('\n');
            return this;
        }

        /** A table with a header row; the text part lists each row as "first cell: header value, …". */
        public Builder table(List<String> headers, List<List<String>> rows) {
            html.append("<table style=\"border-collapse:collapse;margin:0 0 12px\">\n<tr>");
            headers.forEach(header -> html.append("<th style=\"text-align:left;padding:4px 12px 4px 0;")
                    .append("border-bottom:1px solid #ccd\">").append(escape(header)).append("</th>"));
            html.append("</tr>\n");
            for (List<String> row : rows) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td style=\"padding:2px 12px 2px 0\">").append(escape(cell)).append("</td>"));
                html.append("</tr>\n");
                text.append(row.get(0)).append(':');
                for (int i = 1; i < row.size(); i++) {
                    text.append(i == 1 ? " " : ", ").append(headers.get(i)).append(' ').append(row.get(i));
                }
                text.append('\n');
            }
            html.append("</table>\n");
            text.append('\n');
            return this;
        }

        public Builder link(String label, String url) {
            html.append("<p style=\"margin:16px 0\"><a href=\"").append(escape(url))
                    .append("\" style=\"background:#f2a900;color:#1d2733;padding:8px 14px;text-decoration:none;")
                    .append("border-radius:4px;font-weight:bold\">").append(escape(label)).append("</a></p>\n");
            text.append(label).append(": ").append(url).append("\n\n");
            return this;
        }

        public EmailBody build() {
            return new EmailBody("<!DOCTYPE html>\n<html><body style=\"font-family:Arial,Helvetica,sans-serif;"
                    + "color:#1d2733;line-height:1.4\">\n" + html + "</body></html>\n", text.toString().strip() + "\n");
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
