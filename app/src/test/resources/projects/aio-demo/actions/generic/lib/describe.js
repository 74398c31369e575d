/** The names of the parameters a caller gave, without the platform's own. */
exports.describe = (params) => Object.keys(params).filter((k) => !k.startsWith('__ow_')).sort();
