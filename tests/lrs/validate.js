// Checks xAPI statements (one JSON object a line) with Learning Locker's
// xapi-validation. Usage: node validate.js NODE_MODULES_DIR FILE
// Prints each problem with its statement's line; exits 1 when any is found.
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, file] = process.argv.slice(2);
if (!modules || !file) {
  console.error('usage: node validate.js NODE_MODULES_DIR FILE');
  process.exit(2);
}
const validate = require(path.resolve(modules, 'xapi-validation')).default;
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
let problems = 0;
lines.forEach((line, i) => {
  const statement = JSON.parse(line);
  for (const w of validate(statement)) {
    problems += 1;
    console.log(`${file}:${i + 1}: ${w.path ? w.path.join('.') : ''}: ${w.constructor.name}${w.message ? ' ' + w.message : ''}`);
  }
});
console.log(`validated ${lines.length} statements: ${problems} problems`);
process.exit(problems ? 1 : 0);
