// Not an action: only the folder's top-level files are.
module.exports = {};
