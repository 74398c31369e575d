'use strict';
// Unpacks an action archive (zip, or tar.gz as the platform also accepts) into a directory, with node's
// zlib only. Every entry path is checked to stay inside the target directory; symbolic links are made
// last, so no file is ever written through one.

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** A problem with the archive itself; its message is shown to the user as the reason init failed. */
class ArchiveError extends Error {}

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ZIP64_EXTRA_ID = 0x0001;

const FILE_TYPE_MASK = 0o170000;
const TYPE_DIRECTORY = 0o040000;
const TYPE_SYMLINK = 0o120000;

/** 'zip', 'tar.gz' or null, from the archive's first bytes. */
function archiveType(bytes) {
    if (bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP_LOCAL_HEADER) {
        return 'zip';
    }
    if (bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08) {
        return 'tar.gz';
    }
    return null;
}

/** Writes the archive's entries under root (an existing, empty directory). */
function extractArchive(bytes, root) {
    const type = archiveType(bytes);
    const entries = type === 'zip' ? readZip(bytes) : type === 'tar.gz' ? readTar(zlib.gunzipSync(bytes)) : null;
    if (entries === null) {
        throw new ArchiveError('the file type is not zip or tar.gz');
    }
    const links = [];
    for (const entry of entries) {
        const target = resolveInside(root, entry.name);
        if (target === root) {
            continue;
        }
        if (entry.kind === 'dir') {
            fs.mkdirSync(target, { recursive: true });
        } else if (entry.kind === 'file') {
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, entry.data(), { mode: (entry.mode & 0o111) ? 0o755 : 0o644 });
        } else if (entry.kind === 'symlink') {
            links.push({ target, linkTo: entry.linkTo, name: entry.name });
        }
    }
    for (const link of links) {
        makeLink(root, link);
    }
    return type;
}

/** The absolute path of an entry, refusing absolute names and '..' (zip slip). */
function resolveInside(root, name) {
    if (name.includes('\0')) {
        throw new ArchiveError(`Entry '${name.replace(/\0/g, '\\0')}' has an invalid name.`);
    }
    const slashed = name.replace(/\\/g, '/');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
        throw new ArchiveError(`Entry '${name}' has an absolute path.`);
    }
    const parts = [];
    for (const part of slashed.split('/')) {
        if (part === '..') {
            throw new ArchiveError(`Entry '${name}' points outside the action directory.`);
        }
        if (part !== '' && part !== '.') {
            parts.push(part);
        }
    }
    return parts.length === 0 ? root : path.join(root, ...parts);
}

function makeLink(root, link) {
    const linkTo = link.linkTo.replace(/\\/g, '/');
    const resolved = path.resolve(path.dirname(link.target), linkTo);
    if (path.isAbsolute(linkTo) || !isInside(root, resolved)) {
        throw new ArchiveError(`Link '${link.name}' points outside the action directory.`);
    }
    // A link inside a linked directory could be created anywhere the first link leads.
    for (let dir = path.dirname(link.target); dir !== root && isInside(root, dir); dir = path.dirname(dir)) {
        if (fs.existsSync(dir) && fs.lstatSync(dir).isSymbolicLink()) {
            throw new ArchiveError(`Link '${link.name}' lies inside another link.`);
        }
    }
    fs.mkdirSync(path.dirname(link.target), { recursive: true });
    try {
        fs.symlinkSync(linkTo, link.target);
    } catch (err) {
        // Windows without the privilege to make links: the action may still work without them.
        if (err.code !== 'EPERM') {
            throw err;
        }
    }
}

function isInside(root, candidate) {
    return candidate === root || candidate.startsWith(root + path.sep);
}

// ---- zip ----

function readZip(bytes) {
    const end = findZipEnd(bytes);
    let count = bytes.readUInt16LE(end + 10);
    let offset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || offset === 0xffffffff) {
        const zip64 = readZip64End(bytes, end);
        count = zip64.count;
        offset = zip64.offset;
    }
    const entries = [];
    for (let i = 0; i < count; i++) {
        if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ZIP_CENTRAL_HEADER) {
            throw new ArchiveError('The zip central directory is damaged.');
        }
        const madeBy = bytes.readUInt16LE(offset + 4) >>> 8;
        const flags = bytes.readUInt16LE(offset + 8);
        const method = bytes.readUInt16LE(offset + 10);
        let compressedSize = bytes.readUInt32LE(offset + 20);
        let size = bytes.readUInt32LE(offset + 24);
        const nameLength = bytes.readUInt16LE(offset + 28);
        const extraLength = bytes.readUInt16LE(offset + 30);
        const commentLength = bytes.readUInt16LE(offset + 32);
        const externalAttributes = bytes.readUInt32LE(offset + 38);
        let localOffset = bytes.readUInt32LE(offset + 42);
        const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
        const extraStart = offset + 46 + nameLength;
        if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
            const wide = readZip64Extra(bytes, extraStart, extraStart + extraLength,
                size === 0xffffffff, compressedSize === 0xffffffff, localOffset === 0xffffffff);
            size = wide.size ?? size;
            compressedSize = wide.compressedSize ?? compressedSize;
            localOffset = wide.localOffset ?? localOffset;
        }
        offset = extraStart + extraLength + commentLength;

        if (flags & 0x1) {
            throw new ArchiveError(`Entry '${name}' is encrypted.`);
        }
        const mode = madeBy === 3 ? externalAttributes >>> 16 : 0;
        const type = mode & FILE_TYPE_MASK;
        const data = () => zipEntryData(bytes, name, method, localOffset, compressedSize, size);
        if (name.endsWith('/') || type === TYPE_DIRECTORY) {
            entries.push({ kind: 'dir', name });
        } else if (type === TYPE_SYMLINK) {
            entries.push({ kind: 'symlink', name, linkTo: data().toString('utf8') });
        } else {
            entries.push({ kind: 'file', name, mode, data });
        }
    }
    return entries;
}

function findZipEnd(bytes) {
    // The end record is 22 bytes followed by a comment of at most 65535 bytes.
    const lowest = Math.max(0, bytes.length - 22 - 0xffff);
    for (let at = bytes.length - 22; at >= lowest; at--) {
        if (bytes.readUInt32LE(at) === ZIP_END) {
            return at;
        }
    }
    throw new ArchiveError('The zip end of central directory record is missing.');
}

function readZip64End(bytes, end) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) {
        throw new ArchiveError('The zip64 end of central directory locator is missing.');
    }
    const record = readUInt64(bytes, locator + 8);
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_END) {
        throw new ArchiveError('The zip64 end of central directory record is damaged.');
    }
    return { count: readUInt64(bytes, record + 32), offset: readUInt64(bytes, record + 48) };
}

function readZip64Extra(bytes, from, to, wantSize, wantCompressed, wantOffset) {
    for (let at = from; at + 4 <= to;) {
        const id = bytes.readUInt16LE(at);
        const length = bytes.readUInt16LE(at + 2);
        if (id === ZIP64_EXTRA_ID) {
            // The fields appear in this order, each only when its 32-bit field is saturated.
            let field = at + 4;
            const wide = {};
            if (wantSize) { wide.size = readUInt64(bytes, field); field += 8; }
            if (wantCompressed) { wide.compressedSize = readUInt64(bytes, field); field += 8; }
            if (wantOffset) { wide.localOffset = readUInt64(bytes, field); }
            return wide;
        }
        at += 4 + length;
    }
    return {};
}

function readUInt64(bytes, at) {
    const value = bytes.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new ArchiveError('The zip archive is too large.');
    }
    return Number(value);
}

function zipEntryData(bytes, name, method, localOffset, compressedSize, size) {
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== ZIP_LOCAL_HEADER) {
        throw new ArchiveError(`Entry '${name}' has a damaged local header.`);
    }
    const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (start + compressedSize > bytes.length) {
        throw new ArchiveError(`Entry '${name}' is truncated.`);
    }
    const stored = bytes.subarray(start, start + compressedSize);
    let data;
    if (method === 0) {
        data = stored;
    } else if (method === 8) {
        data = zlib.inflateRawSync(stored);
    } else {
        throw new ArchiveError(`Entry '${name}' uses compression method ${method}; only stored and deflate are supported.`);
    }
    if (data.length !== size) {
        throw new ArchiveError(`Entry '${name}' has ${data.length} bytes where ${size} were expected.`);
    }
    return data;
}

// ---- tar ----

const TAR_BLOCK = 512;

function readTar(bytes) {
    const entries = [];
    let longName = null;
    let longLink = null;
    let pax = {};
    for (let at = 0; at + TAR_BLOCK <= bytes.length;) {
        const header = bytes.subarray(at, at + TAR_BLOCK);
        if (header.every(b => b === 0)) {
            break;
        }
        verifyTarChecksum(header);
        const type = String.fromCharCode(header[156] || 0x30);
        const size = tarNumber(header, 124, 12);
        const body = bytes.subarray(at + TAR_BLOCK, at + TAR_BLOCK + size);
        if (body.length !== size) {
            throw new ArchiveError('The tar archive is truncated.');
        }
        at += TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;

        if (type === 'L') { longName = tarString(body, 0, size); continue; }
        if (type === 'K') { longLink = tarString(body, 0, size); continue; }
        if (type === 'x') { pax = parsePax(body); continue; }
        if (type === 'g') { continue; }

        let name = tarString(header, 0, 100);
        if (header.toString('latin1', 257, 262) === 'ustar') {
            const prefix = tarString(header, 345, 155);
            if (prefix) {
                name = prefix + '/' + name;
            }
        }
        name = pax.path ?? longName ?? name;
        const linkTo = pax.linkpath ?? longLink ?? tarString(header, 157, 100);
        longName = longLink = null;
        pax = {};
        const mode = tarNumber(header, 100, 8);
        if (type === '0' || type === '7') {
            entries.push({ kind: 'file', name, mode, data: () => body });
        } else if (type === '5') {
            entries.push({ kind: 'dir', name });
        } else if (type === '2') {
            entries.push({ kind: 'symlink', name, linkTo });
        } else if (type === '1') {
            // A hard link repeats an earlier file: write its content again.
            const earlier = entries.find(e => e.kind === 'file' && e.name === linkTo);
            if (earlier) {
                entries.push({ kind: 'file', name, mode: earlier.mode, data: earlier.data });
            }
        }
        // Devices and fifos have no place in an action.
    }
    return entries;
}

function verifyTarChecksum(header) {
    let sum = 0;
    for (let i = 0; i < TAR_BLOCK; i++) {
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    }
    if (sum !== tarNumber(header, 148, 8)) {
        throw new ArchiveError('The tar archive has a damaged header.');
    }
}

function tarString(bytes, from, length) {
    const end = bytes.indexOf(0, from);
    return bytes.toString('utf8', from, end === -1 || end > from + length ? from + length : end);
}

function tarNumber(bytes, from, length) {
    if (bytes[from] & 0x80) {
        // GNU base-256 for values that do not fit in octal digits.
        let value = bytes[from] & 0x7f;
        for (let i = 1; i < length; i++) {
            value = value * 256 + bytes[from + i];
        }
        return value;
    }
    const text = bytes.toString('latin1', from, from + length).replace(/[\0 ]+$/, '').trim();
    return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(body) {
    // Records are "LENGTH key=value\n", LENGTH counting the whole record in bytes.
    const values = {};
    for (let at = 0; at < body.length;) {
        const space = body.indexOf(0x20, at);
        if (space === -1) {
            break;
        }
        const length = parseInt(body.toString('latin1', at, space), 10);
        if (!(length > 0)) {
            break;
        }
        const record = body.toString('utf8', space + 1, at + length - 1);
        const equals = record.indexOf('=');
        if (equals > 0) {
            values[record.slice(0, equals)] = record.slice(equals + 1);
        }
        at += length;
    }
    return values;
}

module.exports = { ArchiveError, archiveType, extractArchive };
