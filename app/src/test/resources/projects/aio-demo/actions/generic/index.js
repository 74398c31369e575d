const { describe } = require('./lib/describe');

/** Answers with what it was called with, through a module of its own folder (so it is deployed as a zip). */
async function main(params) {
  return { body: describe(params), logLevel: params.LOG_LEVEL };
}

exports.main = main;
