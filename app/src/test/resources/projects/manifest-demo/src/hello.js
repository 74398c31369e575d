/**
 * Greets someone. The greeting is the manifest's $GREETING input; the audience comes from the package.
 */
function main(params) {
  const name = params.name || params.audience || 'world';
  return { message: `${params.greeting}, ${name}${params.punctuation || ''}` };
}
