#!/usr/bin/env python3
"""What LibreOffice Writer shows after "Accept All" and after "Reject All" tracked changes.

Usage: libreoffice-resolve.py PROFILE_DIR FILE.docx [FILE.docx ...]

Starts one headless soffice (its own profile, a private pipe), opens each DOCX twice (hidden),
dispatches .uno:AcceptAllTrackedChanges on one copy and .uno:RejectAllTrackedChanges on the other,
and prints one JSON object: {path: {"accept": [[text, style], ...], "reject": [...]}}: each
paragraph of the body in order (tables cell by cell) with its paragraph style's name; nothing is
saved. A test helper: the
redline tests check that Writer, not only our own reading of the XML, resolves the redline right.
"""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            # soffice takes a few seconds to open its pipe; give up if it died or took too long.
            if office.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.25)


def paragraphs(text):
    """The body's paragraphs in order, each as [text, paragraph style name]."""
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            out.append([el.getString(), el.ParaStyleName])
        elif el.supportsService("com.sun.star.text.TextTable"):
            for name in el.getCellNames():
                out.extend(paragraphs(el.getCellByName(name).getText()))
    return out


def resolved(desktop, dispatcher, url, command):
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", False)))
    try:
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(frame, command, "", 0, ())
        return paragraphs(doc.getText())
    finally:
        doc.close(True)


def main():
    profile, files = sys.argv[1], sys.argv[2:]
    pipe = f"zan_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={uno.systemPathToFileUrl(os.path.abspath(profile))}",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, office)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        result = {}
        for f in files:
            url = uno.systemPathToFileUrl(os.path.abspath(f))
            result[f] = {
                "accept": resolved(desktop, dispatcher, url, ".uno:AcceptAllTrackedChanges"),
                "reject": resolved(desktop, dispatcher, url, ".uno:RejectAllTrackedChanges"),
            }
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office: that is the terminate working
        json.dump(result, sys.stdout, ensure_ascii=False)
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
