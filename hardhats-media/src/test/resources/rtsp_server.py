#!/usr/bin/python3
"""Test RTSP server: serves an H.264 mp4 (no re-encoding, looped) at /cam1 with basic auth.

Usage: rtsp_server.py PORT MP4 USER PASSWORD   (prints "READY" once listening)
"""
import sys
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer, GLib

port, media, user, password = sys.argv[1:5]
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
auth = GstRtspServer.RTSPAuth()
token = GstRtspServer.RTSPToken()
token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
server.set_auth(auth)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch('( filesrc location="%s" ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )' % media)
factory.set_shared(False)
permissions = GstRtspServer.RTSPPermissions()
permissions.add_role_from_structure(Gst.Structure.from_string("user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true")[0])
factory.set_permissions(permissions)
server.get_mount_points().add_factory("/cam1", factory)
if server.attach(None) == 0:
    sys.exit("cannot listen on port " + port)
print("READY", flush=True)
GLib.MainLoop().run()
