// jsdom has no TextEncoder/TextDecoder; React Router needs them when it loads.
const { TextEncoder, TextDecoder } = require("node:util");
Object.assign(globalThis, { TextEncoder, TextDecoder });
