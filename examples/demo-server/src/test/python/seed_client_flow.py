#!/usr/bin/env python3
"""What the seed's Python client (mcp_proxy_adapter JsonRpcClient) does against a server in envelope
mode, with the standard library only: a queued call, polling queue_get_job_status with the seed's
params, then /health and help. Exits 0 when every answer has the shape that client reads.

Usage: seed_client_flow.py http://127.0.0.1:8080
"""
import json
import os
import sys
import time
import urllib.request

BASE = sys.argv[1].rstrip("/")
# the seed client's timeout precedence: argument > MCP_PROXY_ADAPTER_HTTP_TIMEOUT > 30 s
TIMEOUT = float(os.environ.get("MCP_PROXY_ADAPTER_HTTP_TIMEOUT", "30.0"))


def post(body):
    request = urllib.request.Request(BASE + "/api/jsonrpc", data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        assert response.status == 200, response.status
        return json.loads(response.read().decode("utf-8"))


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=TIMEOUT) as response:
        return json.loads(response.read().decode("utf-8"))


def jsonrpc_call(method, params, req_id=1):
    answer = post({"jsonrpc": "2.0", "method": method, "params": params, "id": req_id})
    if "error" in answer:
        raise RuntimeError("JSON-RPC error: %s" % answer["error"])
    return answer["result"]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    text = "One. Two. Three. Four. Five. Six. Seven."
    # execute_command_unified(command="chunk", params=..., auto_poll=True): queued, then polled
    queued = jsonrpc_call("chunk", {"text": text, "window": 3})
    check(queued.get("success") is True, "queued envelope: success %r" % queued)
    check(queued.get("status") == "pending", "queued envelope: status %r" % queued)
    check(queued.get("message") == "Command 'chunk' has been queued for execution", "message %r" % queued)
    job_id = queued.get("job_id")
    check(isinstance(job_id, str) and job_id, "job_id at the top of result: %r" % queued)

    deadline = time.monotonic() + 30
    data = None
    while time.monotonic() < deadline:
        status = jsonrpc_call("queue_get_job_status", {"job_id": job_id, "poll_interval": 0.2}, 2)
        check(status.get("success") is True, "status envelope %r" % status)
        data = status["data"]
        for key in ("job_id", "status", "progress", "description"):
            check(key in data, "status data lacks %s: %r" % (key, data))
        if data["status"] in ("completed", "failed", "stopped"):
            break
        time.sleep(0.1)
    check(data is not None and data["status"] == "completed", "job completed: %r" % data)
    inner = data["result"]
    check(inner.get("success") is True, "the command's own envelope: %r" % inner)
    check(inner["data"]["count"] == 3, "chunks: %r" % inner)

    # the seed's server-side waiting: the same call with poll_interval/max_wait_time answers once the job ends
    waited = jsonrpc_call("chunk", {"text": text, "window": 3, "poll_interval": 0.2, "max_wait_time": 30}, 3)
    check(waited.get("success") is True and waited.get("status") == "completed", "waited call %r" % waited)
    result = waited["result"]
    chunks = result["data"] if isinstance(result, dict) and "success" in result else result
    check(chunks["count"] == 3, "waited result %r" % waited)

    health = get("/health")
    check(health["status"] == "ok", "health %r" % health)
    for key in ("model", "version", "uptime", "components"):
        check(key in health, "health lacks %s" % key)
    components = health["components"]
    check(components["commands"]["registered_count"] > 0, "registered_count %r" % components)
    check(components["system"]["cpu_count"] > 0, "system %r" % components)
    check("memory_usage_mb" in components["process"], "process %r" % components)

    helped = jsonrpc_call("help", {}, 3)
    check(helped.get("success") is True, "help envelope %r" % helped)
    check("tool_info" in helped["data"] and "help_usage" in helped["data"], "help %r" % helped)
    chunk = helped["data"]["commands"]["chunk"]
    for key in ("name", "description", "type", "schema", "params_count"):
        check(key in chunk, "help entry lacks %s: %r" % (key, chunk))
    print("seed client flow: ok (job %s)" % job_id)


if __name__ == "__main__":
    main()
