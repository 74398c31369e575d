/** A raw web action: answers with the raw query string and method it was called with. */
function main(params) {
  return { body: { query: params.__ow_query || '', method: params.__ow_method } };
}
