/** Adds two numbers. */
function main({ a = 0, b = 0 }) {
  return { sum: Number(a) + Number(b) };
}
