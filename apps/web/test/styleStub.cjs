// CSS imports mean nothing to jsdom.
module.exports = {};
