// Validates a running demo server's documents and real responses with each ecosystem's own tools:
//   node validate.mjs http://127.0.0.1:8080
// OpenRPC: @open-rpc/schema-utils-js (document, and every call's params); OpenAPI 3.1:
// @apidevtools/swagger-parser; responses: ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1)
// against the schemas the server publishes. Exit code 0 when everything validates, 1 otherwise.
import { validateOpenRPCDocument, MethodCallValidator } from "@open-rpc/schema-utils-js";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const base = process.argv[2];
const failures = [];
let checks = 0;

function check(what, ok, detail) {
  checks++;
  if (!ok) {
    failures.push(what + (detail === undefined ? "" : ": " + JSON.stringify(detail, null, 1)));
  }
}

async function get(path) {
  const response = await fetch(base + path);
  check("GET " + path + " is 200", response.status === 200, response.status);
  return response.json();
}

async function post(path, body) {
  const response = await fetch(base + path, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  check("POST " + path + " " + JSON.stringify(body) + " is 200", response.status === 200, response.status);
  return response.json();
}

function absoluteUrl(what, doc) {
  const url = doc.servers && doc.servers[0] && doc.servers[0].url;
  let parsed;
  try { parsed = new URL(url); } catch (e) { parsed = null; }
  check(what + " servers[0].url is absolute", parsed !== null && /^https?:$/.test(parsed.protocol), url);
}

async function validateOpenRpc(what, doc) {
  let result;
  try { result = await validateOpenRPCDocument(doc); } catch (e) { result = e; }
  check(what + " is a valid OpenRPC document", result === true, result instanceof Error ? result.message : result);
  absoluteUrl(what, doc);
}

// One sample call per command: every command the server publishes must have one here.
function samples(jobId) {
  return {
    subtract: [{ minuend: 42, subtrahend: 23 }, [42, 23]],
    sum: [{ numbers: [1, 2.5] }, { numbers: [] }],
    divide: [{ a: 9, b: 3 }, { a: 1, b: 0 }],
    word_stats: [{ text: "the quick brown fox", top: 2 }, { text: "", top: 0 }],
    upper: [{ text: "hi" }, ["hi"]],
    slow_greet: [{ name: "Ada", delay_ms: 0 }],
    echo: [{ message: "hi" }, ["hi"], undefined],
    help: [undefined, { cmdname: "subtract" }, { cmdname: "nope" }],
    health: [undefined],
    chunk: [{ text: "One. Two. Three. Four.", window: 2 }],
    long_task: [{ seconds: 0.2, steps: 2 }],
    queue_get_job_status: [{ job_id: jobId }, { job_id: "no-such-job" }],
    job_status: [{ job_id: jobId }],
    queue_list_jobs: [{ limit: 5 }, { status_filter: "completed" }, { status_filter: "bogus" }],
    queue_stop_job: [{ job_id: jobId }],
    queue_health: [undefined],
    queue_delete_job: [{ job_id: jobId }],
  };
}

async function main() {
  const openrpc = await get("/openrpc.json");
  await validateOpenRpc("/openrpc.json", openrpc);
  const discover = await post("/api/jsonrpc", { jsonrpc: "2.0", method: "rpc.discover", id: 1 });
  await validateOpenRpc("rpc.discover", discover.result);

  const openapi = await get("/openapi.json");
  try {
    await SwaggerParser.validate(structuredClone(openapi));
    check("/openapi.json is a valid OpenAPI document", true);
  } catch (e) {
    check("/openapi.json is a valid OpenAPI document", false, e.message);
  }

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(openapi, "openapi.json");
  const schemaAt = (pointer) => ajv.compile({ $ref: "openapi.json#" + pointer });
  const op = (path) => "/paths/" + path.replace(/~/g, "~0").replace(/\//g, "~1") + "/post";
  const media = "/content/application~1json/schema";
  const rpcRequest = schemaAt(op("/api/jsonrpc") + "/requestBody" + media);
  const rpcResponse = schemaAt(op("/api/jsonrpc") + "/responses/200" + media);
  const cmdRequest = schemaAt(op("/cmd") + "/requestBody" + media);
  const cmdResponse = schemaAt(op("/cmd") + "/responses/200" + media);
  const resultSchemas = {};
  for (const method of openrpc.methods) {
    resultSchemas[method.name] = ajv.compile(method.result.schema);
  }
  const callValidator = new MethodCallValidator(openrpc);

  function validated(what, validate, value) {
    const ok = validate(value);
    check(what, ok, { value, errors: validate.errors });
  }

  // the published request schema and the server agree: what the schema rejects the server rejects
  // with -32602, and what the server answers with a result the schema accepts
  function agrees(what, valid, errors, response) {
    const code = response && response.error && response.error.code;
    if (!valid) {
      check(what + " is invalid by the published schema, so the server must answer -32602", code === -32602,
        { response, errors });
    }
    if (response && "result" in response) {
      check(what + " succeeded, so it must be valid by the published schema", valid, errors);
    }
  }

  async function rpc(method, params, id) {
    const request = { jsonrpc: "2.0", method, id };
    if (params !== undefined) { request.params = params; }
    const valid = rpcRequest(request);
    const response = await post("/api/jsonrpc", request);
    agrees("request " + JSON.stringify(request), valid, rpcRequest.errors, response);
    validated("response to " + JSON.stringify(request) + " matches the published response schema", rpcResponse, response);
    if (response && "result" in response) {
      validated("result of " + method + " " + JSON.stringify(params) + " matches its OpenRPC result schema",
        resultSchemas[method], response.result);
      const errors = callValidator.validate(method, params === undefined ? {} : params);
      check("OpenRPC accepts the params of a successful " + method + " call " + JSON.stringify(params),
        !(Array.isArray(errors) && errors.length) && !(errors instanceof Error), errors && (errors.message || errors));
    }
    return response;
  }

  async function cmd(command, params) {
    const request = params === undefined || Array.isArray(params) ? { command } : { command, params };
    const valid = cmdRequest(request);
    const response = await post("/cmd", request);
    agrees("/cmd request " + JSON.stringify(request), valid, cmdRequest.errors, response);
    validated("/cmd response to " + JSON.stringify(request) + " matches the published schema", cmdResponse, response);
  }

  // a finished job to ask about
  const queued = await rpc("chunk", { text: "A. B.", window: 1 }, "job");
  const jobId = queued.result && queued.result.job_id;
  for (let i = 0; i < 100; i++) {
    const status = await post("/api/jsonrpc", { jsonrpc: "2.0", method: "queue_get_job_status", params: { job_id: jobId }, id: 1 });
    if (status.result && status.result.status === "completed") { break; }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const table = samples(jobId);
  let id = 1;
  for (const method of openrpc.methods) {
    const calls = table[method.name];
    check("a sample call for " + method.name + " (add one to validate.mjs)", calls !== undefined);
    for (const params of calls || []) {
      await rpc(method.name, params, id++);
      await cmd(method.name, params);
    }
  }

  // errors and batches as clients see them
  const batch = [
    { jsonrpc: "2.0", method: "subtract", params: [5, 3], id: "a" },
    { jsonrpc: "2.0", method: "nope", id: "b" },
    { jsonrpc: "2.0", method: "echo", params: { message: "n" } },
    { jsonrpc: "2.0", method: "divide", params: { a: 1, b: 0 }, id: null },
  ];
  validated("a batch of known methods matches the published request schema", rpcRequest,
    batch.filter((request) => request.method !== "nope"));
  validated("the batch's response matches the published response schema", rpcResponse, await post("/api/jsonrpc", batch));
  validated("a parse error matches the published response schema", rpcResponse, await post("/api/jsonrpc", "{oops"));
  validated("an invalid request matches the published response schema", rpcResponse,
    await post("/api/jsonrpc", { jsonrpc: "1.0", method: 1, id: 7 }));
  validated("an empty batch's error matches the published response schema", rpcResponse, await post("/api/jsonrpc", []));
  validated("an unknown /cmd command matches the published /cmd schema", cmdResponse, await post("/cmd", { command: "nope" }));
}

main().then(() => {
  console.log(checks + " checks, " + failures.length + " failures");
  for (const failure of failures) { console.log("FAIL " + failure); }
  process.exit(failures.length ? 1 : 0);
}, (e) => {
  console.log("validator crashed: " + (e && e.stack || e));
  process.exit(2);
});
