'use strict'
/*
 * Acceptance script: compositions through the official `openwhisk` npm client against a running simulator (or any
 * OpenWhisk): a sequence created and run, a web action created with the client and fetched with plain HTTP, and a
 * trigger fired through a rule. NpmClientAcceptanceTest runs it; by hand:
 *
 *   APIHOST=http://127.0.0.1:3233 AUTH=uuid:key node compose.js
 *
 * Every step runs even when an earlier one failed (unless it is essential), so one run shows every discrepancy.
 * Exits 0 when all steps passed, 1 otherwise (each failure printed), 2 on a usage error. Every wait is bounded.
 */
const assert = require('node:assert/strict')
const http = require('node:http')
const https = require('node:https')
const openwhisk = require('openwhisk')

const APIHOST = process.env.APIHOST
const AUTH = process.env.AUTH
if (!APIHOST || !AUTH) {
  console.error('compose.js: set APIHOST and AUTH (see the usage at the top of compose.js)')
  process.exit(2)
}
// The client sends every request through a proxy named in the environment and knows no NO_PROXY.
if (/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(APIHOST)) {
  for (const name of ['PROXY', 'proxy', 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) {
    delete process.env[name]
  }
}

const KIND = 'nodejs:20'
const RECORD_WAIT_MS = 15000
const INC = 'acc-inc'
const DBL = 'acc-dbl'
const SEQUENCE = 'acc-calc'
const PAGE = 'acc-page'
const HANDLER = 'acc-on-event'
const TRIGGER = 'acc-event'
const RULE = 'acc-event-rule'

const ow = openwhisk({ apihost: APIHOST, api_key: AUTH })
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

const steps = []
function step (name, fn, { essential = false } = {}) {
  steps.push({ name, fn, essential })
}

/** A plain HTTP(S) GET, no client library: what a browser or curl does with a web action's URL. */
function get (url) {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http
    const req = lib.get(url, { timeout: 10000 }, res => {
      const chunks = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)))
    req.on('error', reject)
  })
}

/** Polls until `find` returns something, at most RECORD_WAIT_MS. */
async function eventually (what, find) {
  const deadline = Date.now() + RECORD_WAIT_MS
  for (;;) {
    const found = await find()
    if (found) return found
    if (Date.now() > deadline) assert.fail(`${what}: not there after ${RECORD_WAIT_MS} ms`)
    await sleep(200)
  }
}

function valueOf (keyValues, key) {
  const entry = (keyValues || []).find(kv => kv.key === key)
  return entry && entry.value
}

async function remove (kind, name) {
  await ow[kind].delete(name).catch(e => { if (e.statusCode !== 404) throw e })
}

let namespace

step('setup: remove leftovers, create the component actions', async () => {
  namespace = (await ow.namespaces.list())[0]
  await remove('rules', RULE)
  await remove('triggers', TRIGGER)
  for (const name of [SEQUENCE, INC, DBL, PAGE, HANDLER]) await remove('actions', name)
  await ow.actions.create({ name: INC, kind: KIND, action: 'function main(p) { return { n: (p.n || 0) + 1 } }' })
  await ow.actions.create({ name: DBL, kind: KIND, action: 'function main(p) { return { n: p.n * 2 } }' })
}, { essential: true })

step('a sequence created with the client runs its components in order', async () => {
  const created = await ow.actions.create({ name: SEQUENCE, sequence: [`/${namespace}/${INC}`, `/${namespace}/${DBL}`] })
  assert.equal(created.exec.kind, 'sequence')
  const record = await ow.actions.invoke({ name: SEQUENCE, blocking: true, params: { n: 4 } })
  assert.deepEqual(record.response.result, { n: 10 })
  assert.equal(record.logs.length, 2, 'the sequence record lists its two component activations')
  const first = await ow.activations.get({ name: record.logs[0] })
  assert.equal(first.name, INC)
  assert.equal(valueOf(first.annotations, 'causedBy'), 'sequence')
  const result = await ow.actions.invoke({ name: SEQUENCE, blocking: true, result: true, params: { n: 1 } })
  assert.deepEqual(result, { n: 4 })
})

step('a web action created with the client answers plain HTTP', async () => {
  await ow.actions.create({
    name: PAGE,
    kind: KIND,
    action: "function main(p) { return { greeting: 'hello ' + (p.name || 'you'), method: p.__ow_method } }",
    annotations: { 'web-export': true }
  })
  const base = APIHOST.replace(/\/+$/, '')
  const url = `${base}/api/v1/web/${namespace}/default/${PAGE}.json?name=curl`
  const res = await get(url)
  assert.equal(res.status, 200, `GET ${url}: ${res.body}`)
  assert.match(res.headers['content-type'], /^application\/json/)
  assert.deepEqual(JSON.parse(res.body), { greeting: 'hello curl', method: 'get' })
  assert.match(res.headers['x-openwhisk-activation-id'], /^[0-9a-f]{32}$/)
  const notWeb = await get(`${base}/api/v1/web/${namespace}/default/${INC}.json`)
  assert.equal(notWeb.status, 404, 'an action without web-export is not reachable on the web')
})

step('a trigger fired with the client runs its rule\'s action with the trigger\'s parameters', async () => {
  await ow.actions.create({ name: HANDLER, kind: KIND, action: "function main(p) { return { got: p.source + ':' + p.payload } }" })
  await ow.triggers.create({ name: TRIGGER, trigger: { parameters: [{ key: 'source', value: 'client' }] } })
  await ow.rules.create({ name: RULE, trigger: TRIGGER, action: HANDLER })
  const fired = await ow.triggers.invoke({ name: TRIGGER, params: { payload: 'event-1' } })
  assert.match(fired.activationId, /^[0-9a-f]{32}$/)
  const triggerRecord = await eventually('the trigger activation', () =>
    ow.activations.get({ name: fired.activationId }).catch(e => { if (e.statusCode === 404) return null; throw e }))
  assert.equal(triggerRecord.logs.length, 1, 'one log line per rule')
  const ruleOutcome = JSON.parse(triggerRecord.logs[0])
  assert.equal(ruleOutcome.success, true, triggerRecord.logs[0])
  const handled = await eventually('the rule\'s action activation', () =>
    ow.activations.get({ name: ruleOutcome.activationId }).catch(e => { if (e.statusCode === 404) return null; throw e }))
  assert.deepEqual(handled.response.result, { got: 'client:event-1' })
  assert.equal(valueOf(handled.annotations, 'path'), `${namespace}/${HANDLER}`)
})

step('a disabled rule no longer fires', async () => {
  await ow.rules.disable({ name: RULE })
  const fired = await ow.triggers.invoke({ name: TRIGGER, params: { payload: 'event-2' } })
  // the platform answers 204 with no body when no active rule matched: no activation id
  assert.ok(!fired || !fired.activationId, `expected no activation, got ${JSON.stringify(fired)}`)
})

step('cleanup', async () => {
  await remove('rules', RULE)
  await remove('triggers', TRIGGER)
  for (const name of [SEQUENCE, INC, DBL, PAGE, HANDLER]) await remove('actions', name)
})

async function main () {
  const failures = []
  let passed = 0
  for (const { name, fn, essential } of steps) {
    const start = Date.now()
    try {
      await fn()
      passed++
      console.log(`ok   ${name} (${Date.now() - start} ms)`)
    } catch (e) {
      failures.push(name)
      console.log(`FAIL ${name} (${Date.now() - start} ms)\n     ${String(e && e.message ? e.message : e).trim()}`)
      if (essential) {
        console.log('     (the remaining steps need this one: skipped)')
        break
      }
    }
  }
  console.log(`compose.js against ${APIHOST}: ${passed} of ${steps.length} steps ok, ${failures.length} failed`)
  if (failures.length > 0) process.exitCode = 1
}

main().catch(e => {
  console.error(e)
  process.exitCode = 1
})
