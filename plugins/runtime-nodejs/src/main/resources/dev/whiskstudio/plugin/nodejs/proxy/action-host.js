'use strict';
// The life of the one action this process hosts: the platform's /init and /run rules, as a small state
// machine, with each answer handed to a callback as (status, payload, endsActivation).

const os = require('os');
const { LoadError, loadInline, loadArchive } = require('./action-loader');

/** READY: accepts /init (once) and then /run; STARTING: in /init; STOPPED: init failed or the action threw. */
const State = Object.freeze({ READY: 'ready', STARTING: 'starting', STOPPED: 'stopped' });

const NOT_A_DICTIONARY = { error: 'The action did not return a dictionary.' };
const INIT_OK = { OK: true };

class ActionHost {
    /** @param options {workDir: where archives are unpacked and inline code lives (default: the OS temp dir)} */
    constructor(options) {
        this.workDir = options.workDir || os.tmpdir();
        this.state = State.READY;
        this.entry = null;
        this.envNames = new Map();
    }

    /** /init: loads the action; answers synchronously. */
    init(body, reply) {
        if (this.entry !== null) {
            return reply(403, { error: 'Cannot initialize the action more than once.' }, false);
        }
        if (this.state !== State.READY) {
            return reply(403, { error: `System not ready, status is ${this.state}.` }, false);
        }
        const message = body && typeof body.value === 'object' && body.value !== null ? body.value : {};
        const { main, code } = message;
        if (typeof main !== 'string' || main === '' || typeof code !== 'string' || code === '') {
            return reply(403, { error: 'Missing main/no code to execute.' }, false);
        }
        this.state = State.STARTING;
        try {
            applyInitEnv(message.env);
            this.entry = message.binary === true
                ? loadArchive(code, main, this.workDir)
                : loadInline(code, main, this.workDir);
            this.state = State.READY;
            return reply(200, INIT_OK, false);
        } catch (err) {
            this.state = State.STOPPED;
            const reason = err instanceof LoadError ? err.message : describeThrown(err, true);
            console.error('Error during initialization:', reason);
            return reply(502, { error: `Initialization has failed due to: ${reason}` }, true);
        }
    }

    /** /run: calls the action; answers when its result (or its Promise) settles. */
    run(body, reply) {
        if (this.entry === null || this.state !== State.READY) {
            const error = this.entry === null ? 'System not initialized.' : `System not ready, status is ${this.state}.`;
            return reply(403, { error }, false);
        }
        let params = body.value;
        if (params === null || params === undefined) {
            params = {};
        } else if (typeof params !== 'object') {
            const error = 'Internal system error: the argument must be a dictionary but has type '
                + `'${typeof params}'.`;
            return reply(403, { error }, false);
        }
        this.exportActivationEnv(body);

        let result;
        try {
            result = this.entry(params);
        } catch (err) {
            return this.thrown(err, reply);
        }
        if (isThenable(result)) {
            Promise.resolve(result).then(value => this.settled(value, reply), reason => this.rejected(reason, reply));
        } else {
            this.settled(result, reply);
        }
    }

    rejected(reason, reply) {
        let error;
        try {
            error = serializeReason(reason);
        } catch (unserializable) {
            // A getter or toJSON that throws: the reason's text is still worth showing.
            error = describeThrown(reason, false);
        }
        return reply(200, { error }, true);
    }

    settled(value, reply) {
        if (value === undefined) {
            // A bare "return;" is an empty result on the platform.
            return reply(200, {}, true);
        }
        if (typeof value !== 'object') {
            console.error(`Result must be of type object but has type "${typeof value}":`, value);
            return reply(502, NOT_A_DICTIONARY, true);
        }
        // Like the platform, arrays and null (typeof 'object') go back as they are; the invoker judges them.
        return reply(200, value, true);
    }

    thrown(err, reply) {
        console.error(err);
        // The platform takes no more activations after an uncaught exception; the invoker removes it.
        this.state = State.STOPPED;
        return reply(502, { error: `An error has occurred: ${describeThrown(err, false)}` }, true);
    }

    /** Called when a result cannot be written as JSON (a cycle, a BigInt): the platform's process dies there. */
    unwritable(err, reply) {
        this.thrown(err, reply);
    }

    exportActivationEnv(body) {
        for (const key in body) {
            const value = body[key];
            if (typeof value === 'string' && key !== 'value') {
                let name = this.envNames.get(key);
                if (name === undefined) {
                    name = '__OW_' + key.toUpperCase();
                    this.envNames.set(key, name);
                }
                process.env[name] = value;
            }
        }
    }
}

/** Synchronous results skip the Promise machinery; anything with a then (even a throwing getter) goes through it. */
function isThenable(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        return false;
    }
    try {
        return typeof value.then === 'function';
    } catch (ignored) {
        return true;
    }
}

function applyInitEnv(env) {
    if (!env || typeof env !== 'object') {
        return;
    }
    for (const key of Object.keys(env)) {
        const value = env[key];
        process.env[key] = value !== null && typeof value === 'object' ? JSON.stringify(value) : value ? String(value) : '';
    }
}

/** How a thrown value reads in an error message: with its stack at init (as the platform), else as String(). */
function describeThrown(err, withStack) {
    try {
        return withStack && err && err.stack ? String(err.stack) : String(err);
    } catch (ignored) {
        return Object.prototype.toString.call(err);
    }
}

const COMMON_ERROR_FIELDS = ['name', 'message', 'stack', 'code'];

/**
 * The "error" of a rejected Promise, as the platform serializes it: an Error becomes a plain object with its
 * own fields plus name, message, stack and code; other values pass through (cycles cut, Buffers named);
 * an empty reason (reject(), reject(null)) becomes {}.
 */
function serializeReason(reason) {
    if (!reason) {
        return {};
    }
    if (typeof reason === 'function') {
        return `[Function: ${reason.name || 'anonymous'}]`;
    }
    return typeof reason === 'object' ? plainCopy(reason, []) : reason;
}

function plainCopy(value, ancestors) {
    if (Buffer.isBuffer(value)) {
        return '[object Buffer]';
    }
    if (typeof value.toJSON === 'function') {
        return value.toJSON();
    }
    if (ancestors.includes(value)) {
        return '[Circular]';
    }
    ancestors.push(value);
    let copy;
    if (Array.isArray(value)) {
        copy = value.map(item => copyField(item, ancestors));
    } else {
        copy = {};
        for (const key of Object.keys(value)) {
            const field = value[key];
            if (typeof field !== 'function') {
                copy[key] = copyField(field, ancestors);
            }
        }
        for (const key of COMMON_ERROR_FIELDS) {
            if (!(key in copy) && typeof value[key] === 'string') {
                copy[key] = value[key];
            }
        }
    }
    ancestors.pop();
    return copy;
}

function copyField(field, ancestors) {
    return field !== null && typeof field === 'object' ? plainCopy(field, ancestors) : field;
}

module.exports = { ActionHost, State, serializeReason };
