/**
 * Says a message louder. As the second action of demo/hello-loud it gets the greeting; as a web action, the
 * message of the query.
 */
function main(params) {
  return { message: String(params.message || '').toUpperCase() };
}
