/** The extension's health check. */
function main() {
  return { body: { ok: true } };
}

exports.main = main;
