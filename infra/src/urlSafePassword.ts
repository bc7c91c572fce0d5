// Generated passwords end up inside postgresql:// and rediss:// URLs, which the CLI parses
// without percent-decoding guarantees, so every character with a meaning in a URL is excluded.
export const URL_UNSAFE_CHARACTERS = " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}~";
