package io.hardhats.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before any filter or error page (an encoded {@code /} or
 * {@code ..} in the path, a request line or header over its size limit), and its stock valve
 * writes an HTML page naming the server. This valve writes the API's error shape instead.
 */
public class ContainerErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ContainerErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(ApiError.of(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: nothing left to tell it.
        }
    }

    /** Installs the valve on the host, where Tomcat would otherwise add its stock one when it starts. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        TomcatContextCustomizer containerErrorReports(JsonMapper json) {
            return context -> {
                StandardHost host = (StandardHost) context.getParent();
                host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
                host.getPipeline().addValve(new ContainerErrorReportValve(json));
            };
        }
    }
}
