#!/usr/bin/env python3
"""Load an HTML file in headless Chromium and report what went wrong.

Talks the DevTools protocol over --remote-debugging-pipe (file descriptors 3 and 4), so it
needs nothing beyond the standard library. Prints one JSON object:
  {"errors": [...], "requests": [...], "load_ms": N, "sorted": bool, "screenshot": PATH}
errors: uncaught exceptions, console errors, failed loads; requests: every URL the page asked
for that is not the page itself. Exit status 0 when the page loaded (even with errors; the
caller judges them), 2 when Chromium could not be driven. Each answer gets two minutes: three
Chromiums start at once in `make test`, and on a loaded two-core machine 30 s was once too few.

usage: check_page.py CHROMIUM PAGE.html SCREENSHOT.png [WIDTH]
"""
import base64
import fcntl
import json
import os
import select
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # Keep the child's ends above 4 so placing them at 3 and 4 cannot clobber each other.
        high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)

        def place():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.profile = tempfile.mkdtemp(prefix="patron-chromium-")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=place, pass_fds=(3, 4, high_r, high_w))
        for fd in (to_child_r, from_child_w, high_r, high_w):
            os.close(fd)
        self.out = to_child_w
        self.inp = from_child_r
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        return self.wait_for(lambda m: m.get("id") == self.next_id)

    def read(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                return None
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, matches, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.read(deadline - time.time())
            if message is None:
                break
            if matches(message):
                if "error" in message:
                    raise RuntimeError(json.dumps(message["error"]))
                return message
            self.events.append(message)
        raise TimeoutError("no answer from chromium")

    def drain(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            message = self.read(end - time.time())
            if message is None:
                return
            self.events.append(message)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        subprocess.run(["rm", "-rf", self.profile])


def main():
    chromium, page, screenshot = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    width = int(sys.argv[4]) if len(sys.argv) > 4 else 1200
    url = "file://" + page
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            browser.send(domain + ".enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.events.clear()
        started = time.time()
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait_for(lambda m: m.get("method") == "Page.loadEventFired", timeout=120)
        load_ms = round((time.time() - started) * 1000)
        browser.drain(0.3)
        # The sortable tables: click the first header of the first one and read the order back.
        probe = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """
            (function () {
              var th = document.querySelector('table.sortable th');
              if (!th) return 'none';
              var body = th.closest('table').tBodies[0];
              th.click();
              var first = body.rows[0].cells[th.cellIndex].textContent;
              th.click();
              return first !== body.rows[0].cells[th.cellIndex].textContent || body.rows.length < 2 ? 'ok' : 'unchanged';
            })()"""}, session=session)["result"]
        sorted_ok = probe.get("result", {}).get("value")
        metrics = browser.send("Page.getLayoutMetrics", session=session)["result"]
        height = int(metrics["cssContentSize"]["height"])
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                       "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
                            session=session)["result"]["data"]
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot))
        browser.drain(0.2)
        errors, requests = [], []
        for event in browser.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append("exception: " + params["exceptionDetails"].get("text", "") + " " +
                              str(params["exceptionDetails"].get("exception", {}).get("description", "")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append("log: " + params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
            elif method == "Network.loadingFailed":
                errors.append("failed request: " + params.get("errorText", "") + " " + params.get("requestId", ""))
            elif method == "Network.requestWillBeSent":
                requested = params["request"]["url"]
                if requested != url:
                    requests.append(requested)
        print(json.dumps({"errors": errors, "requests": requests, "load_ms": load_ms, "sorted": sorted_ok,
                          "height": height, "screenshot": screenshot}))
    finally:
        browser.close()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # the caller prints this; the test fails with it
        print(json.dumps({"fatal": f"{type(error).__name__}: {error}"}))
        sys.exit(2)
