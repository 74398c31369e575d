'use strict';
// Whisk Studio's action proxy for the nodejs kinds: serves the platform's /init and /run protocol over
// HTTP on one port and hosts one action. Node core modules only.
//
// Environment:  __OW_PROXY_PORT     port to listen on (0 or unset: any free port)
//               __OW_PROXY_WORKDIR  where archives are unpacked (unset: the OS temp dir)
// Arguments (for container images, where the environment is the container's):
//               --port=N  --host=ADDRESS (default 127.0.0.1; 0.0.0.0 inside a container)  --workdir=DIR
//
// Once it accepts connections it writes one line on stdout, "whisk-proxy listening on 127.0.0.1:PORT" (the
// fixed token the simulator waits for, whatever address it is bound to). After each activation it writes
// the sentinel line on stdout and stderr, through the same streams the action's console uses.

const http = require('http');
const fs = require('fs');
const os = require('os');
const { ActionHost } = require('./action-host');

const READY_LINE_PREFIX = 'whisk-proxy listening on 127.0.0.1:';
const SENTINEL_LINE = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX\n';
const MAX_BODY_BYTES = 48 * 1024 * 1024;
const BAD_REQUEST = JSON.stringify({ error: 'Bad request.' });

function main() {
    const options = readOptions(process.argv.slice(2), process.env);
    const ownTempDir = !options.workDir;
    const host = new ActionHost({ workDir: options.workDir || fs.mkdtempSync(`${os.tmpdir()}/whisk-action-`) });
    if (ownTempDir) {
        removeOnExit(host.workDir);
    }

    const server = http.createServer({ noDelay: true }, (req, res) => handle(host, req, res));
    // Actions may run for minutes and the invoker keeps its connection idle between activations.
    server.timeout = 0;
    server.requestTimeout = 0;
    server.keepAliveTimeout = 0;
    server.on('error', err => {
        process.stderr.write(`whisk-proxy: cannot listen on ${options.host}:${options.port}: ${err.message}\n`);
        process.exit(1);
    });
    server.listen(options.port, options.host, () => {
        process.stdout.write(READY_LINE_PREFIX + server.address().port + '\n');
    });
}

function readOptions(args, env) {
    const options = {
        port: Number(env.__OW_PROXY_PORT || 0),
        host: '127.0.0.1',
        workDir: env.__OW_PROXY_WORKDIR || '',
    };
    for (const arg of args) {
        const equals = arg.indexOf('=');
        const key = equals === -1 ? arg : arg.slice(0, equals);
        const value = equals === -1 ? '' : arg.slice(equals + 1);
        if (key === '--port') {
            options.port = Number(value);
        } else if (key === '--host') {
            options.host = value;
        } else if (key === '--workdir') {
            options.workDir = value;
        } else {
            process.stderr.write(`whisk-proxy: unknown argument ${arg}\n`);
            process.exit(2);
        }
    }
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
        process.stderr.write(`whisk-proxy: invalid port ${options.port}\n`);
        process.exit(2);
    }
    return options;
}

function handle(host, req, res) {
    const url = req.url;
    const route = req.method !== 'POST' ? null : url === '/run' ? 'run' : url === '/init' ? 'init' : null;
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) {
            chunks.push(chunk);
        }
    });
    req.on('end', () => {
        if (route === null || size > MAX_BODY_BYTES) {
            return sendText(res, 500, BAD_REQUEST);
        }
        let body;
        try {
            const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
            body = JSON.parse(text);
        } catch (ignored) {
            return sendText(res, 500, BAD_REQUEST);
        }
        if (body === null || typeof body !== 'object') {
            return sendText(res, 500, BAD_REQUEST);
        }
        const reply = (status, payload, endsActivation) => {
            let text;
            try {
                text = JSON.stringify(payload);
            } catch (err) {
                return host.unwritable(err, reply);
            }
            // as the platform's runtime does: the activation's output ends before its answer goes out, so the
            // invoker finds the sentinels already in the pipes when the answer arrives
            if (endsActivation) {
                process.stdout.write(SENTINEL_LINE);
                process.stderr.write(SENTINEL_LINE);
            }
            sendText(res, status, text === undefined ? '{}' : text);
        };
        if (route === 'run') {
            host.run(body, reply);
        } else {
            host.init(body, reply);
        }
    });
}

function sendText(res, status, text) {
    res.writeHead(status, ['Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(text))]);
    res.end(text);
}

function removeOnExit(dir) {
    const remove = () => {
        try {
            fs.rmSync(dir, { recursive: true, force: true });
        } catch (ignored) {
            // Best effort: the OS temp dir is cleaned eventually.
        }
    };
    process.on('exit', remove);
    for (const signal of ['SIGTERM', 'SIGINT']) {
        process.on(signal, () => process.exit(128 + os.constants.signals[signal]));
    }
}

main();
