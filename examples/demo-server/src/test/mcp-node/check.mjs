// Lists and calls the demo server's tools with the official MCP TypeScript SDK.
// Usage: MCP_URL=http://127.0.0.1:8080/mcp node check.mjs   (exit code 0 = every check passed)
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CallToolResultSchema, CreateTaskResultSchema, GetTaskResultSchema, ListResourceTemplatesResultSchema,
  ReadResourceResultSchema,
} from '@modelcontextprotocol/sdk/types.js';

const url = new URL(process.env.MCP_URL ?? 'http://127.0.0.1:8080/mcp');
const client = new Client({ name: 'rpc-adapter-sdk-check', version: '1.0.0' });
const transport = new StreamableHTTPClientTransport(url);
await client.connect(transport);
const checks = [];
const check = async (name, fn) => { await fn(); checks.push(name); console.log(`ok - ${name}`); };

await check('initialize negotiated a session', async () => {
  assert.ok(transport.sessionId, 'no Mcp-Session-Id');
  assert.ok(client.getServerCapabilities()?.tools, 'no tools capability');
});

let tools;
await check('tools/list lists the commands with object input schemas', async () => {
  tools = (await client.listTools()).tools;
  const names = tools.map((t) => t.name);
  for (const name of ['echo', 'subtract', 'word_stats', 'chunk', 'long_task', 'queue_get_job_status']) {
    assert.ok(names.includes(name), `missing tool ${name} in ${names}`);
  }
  for (const tool of tools) assert.equal(tool.inputSchema.type, 'object', tool.name);
});

await check('tools/call subtract answers 19', async () => {
  const result = await client.callTool({ name: 'subtract', arguments: { minuend: 42, subtrahend: 23 } });
  assert.equal(result.isError, undefined);
  assert.equal(result.content[0].text, '19');
});

await check('tools/call word_stats answers structured content that matches its outputSchema', async () => {
  assert.ok(tools.find((t) => t.name === 'word_stats').outputSchema, 'word_stats has no outputSchema');
  const result = await client.callTool({ name: 'word_stats', arguments: { text: 'the quick brown fox' } });
  assert.equal(result.structuredContent.words, 4);
});

await check('invalid arguments are a tool error, not a protocol error', async () => {
  const result = await client.callTool({ name: 'subtract', arguments: { minuend: 'x', subtrahend: 1 } });
  assert.equal(result.isError, true);
  assert.match(result.content[0].text, /minuend/);
});

await check('an unknown tool is a protocol error', async () => {
  await assert.rejects(client.callTool({ name: 'no_such_tool', arguments: {} }), /Unknown tool/);
});

await check('a queued command streams progress and answers its result', async () => {
  const progress = [];
  const result = await client.callTool({ name: 'long_task', arguments: { seconds: 1, steps: 4 } }, CallToolResultSchema,
    { onprogress: (p) => progress.push(p), timeout: 30000 });
  assert.ok(progress.length >= 1, 'no progress notifications');
  assert.equal(JSON.parse(result.content[0].text).steps, 4);
});

await check('a task-augmented call returns a task that is polled to its result', async () => {
  const created = await client.request({ method: 'tools/call', params: { name: 'chunk',
    arguments: { text: 'One. Two. Three. Four.', window: 2 }, task: { ttl: 60000 } } }, CreateTaskResultSchema);
  const taskId = created.task.taskId;
  const result = await client.request({ method: 'tasks/result', params: { taskId } }, CallToolResultSchema);
  assert.equal(JSON.parse(result.content[0].text).count, 2);
  const task = await client.request({ method: 'tasks/get', params: { taskId } }, GetTaskResultSchema);
  assert.equal(task.status, 'completed');
  const templates = await client.request({ method: 'resources/templates/list' }, ListResourceTemplatesResultSchema);
  assert.equal(templates.resourceTemplates[0].uriTemplate, 'job://{job_id}');
  const read = await client.request({ method: 'resources/read', params: { uri: `job://${taskId}` } }, ReadResourceResultSchema);
  assert.equal(JSON.parse(read.contents[0].text).status, 'completed');
});

await check('ping', async () => { await client.ping(); });

await transport.terminateSession();
await client.close();
console.log(`${checks.length} checks passed`);
