'use strict';
// Turns the /init message into the action's entry function: inline source, or a base64 archive that is
// unpacked and required like a package.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire } = require('module');
const { ArchiveError, archiveType, extractArchive } = require('./archive');

/**
 * A reason init failed that is shown to the user as it is, without a stack (problems with the message or the
 * archive, not exceptions of the action's own code).
 */
class LoadError extends Error {}

const NAME_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

// Returned by the wrapper when the entry name is not a binding of the script; then we look in its exports.
const NOT_DECLARED = Symbol('not declared');

/**
 * Loads inline source as the platform does: the whole source is the body of one function that also
 * returns the binding named by main, so a script with "function main" and a CommonJS module both work,
 * and the function's closure (module-level state) lives as long as the process.
 */
function loadInline(source, main, workDir) {
    if (!NAME_PATH.test(main)) {
        throw new LoadError(`Action entrypoint '${main}' is not a function.`);
    }
    const filename = path.join(workDir, 'action.js');
    const module = { id: filename, filename, path: workDir, exports: {}, loaded: false, children: [] };
    const require = createRequire(filename);
    module.require = require;
    const body = `${source}\n;try { return ${main}; } catch (__whiskNotFound) {`
        + ` if (__whiskNotFound && __whiskNotFound.name === 'ReferenceError') return __whiskNotDeclared;`
        + ` throw __whiskNotFound; }\n`;
    const wrapper = vm.compileFunction(body,
        ['exports', 'require', 'module', '__filename', '__dirname', '__whiskNotDeclared'],
        { filename });
    const exports = module.exports;
    let entry = wrapper.call(exports, exports, require, module, filename, workDir, NOT_DECLARED);
    module.loaded = true;
    if (entry === NOT_DECLARED) {
        // module.exports may have been replaced while exports.NAME was set on the original object.
        entry = property(module.exports, main) || property(exports, main);
    }
    return requireFunction(entry, main);
}

/**
 * Unpacks a base64 archive into a fresh directory under baseDir and requires it: "main" is either a function
 * name (the package's main module, from package.json or index.js) or "file.function" for another module.
 */
function loadArchive(base64, main, baseDir) {
    const bytes = Buffer.from(base64, 'base64');
    const type = archiveType(bytes);
    if (type === null) {
        throw new LoadError('There was an error uncompressing the action archive. The file type is unsupported');
    }
    const firstDot = main.indexOf('.');
    const moduleName = firstDot === -1 ? undefined : main.slice(0, firstDot);
    const functionName = firstDot === -1 ? main : main.slice(firstDot + 1);
    if (moduleName === '' || functionName === '' || (firstDot !== -1 && functionName.startsWith('.'))) {
        throw new LoadError('Name of main function is not valid.');
    }

    const moduleDir = fs.mkdtempSync(path.join(baseDir, 'action-'));
    try {
        extractArchive(bytes, moduleDir);
    } catch (err) {
        if (err instanceof ArchiveError) {
            const what = type === 'zip' ? 'Zip' : 'Tar GZ';
            throw new LoadError(`There was an error uncompressing the action ${what} archive. ${err.message}`);
        }
        throw err;
    }
    // The platform runs a zipped action from its own directory, so relative file reads work.
    process.chdir(moduleDir);
    if (moduleName === undefined && !fs.existsSync('package.json') && !fs.existsSync('index.js')) {
        throw new LoadError('Zipped actions must contain either package.json or index.js at the root.');
    }
    const exported = require(moduleName === undefined ? moduleDir : path.join(moduleDir, moduleName));
    return requireFunction(property(exported, functionName), main);
}

function property(target, dotted) {
    let value = target;
    for (const key of dotted.split('.')) {
        if (value === null || value === undefined) {
            return undefined;
        }
        value = value[key];
    }
    return value;
}

function requireFunction(entry, main) {
    if (typeof entry !== 'function') {
        throw new LoadError(`Action entrypoint '${main}' is not a function.`);
    }
    return entry;
}

module.exports = { LoadError, loadInline, loadArchive };
