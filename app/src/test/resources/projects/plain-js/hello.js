/** A folder with no manifest: each top-level .js file is an action of the default package. */
function main(params) {
  return { greeting: `Hello, ${params.name || 'stranger'}` };
}
