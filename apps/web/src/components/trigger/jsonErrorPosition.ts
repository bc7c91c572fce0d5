// Where a JSON text first goes wrong, as an offset. Browsers word JSON.parse's errors
// differently and some (V8's "Unexpected token") give no position at all, so the form finds it
// itself with a strict scan of RFC 8259's grammar.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** Thrown inside the scan to unwind to where it started; never leaves jsonErrorPosition. */
class Stop extends Error {
  constructor(readonly at: number) {
    super(`invalid JSON at ${at}`);
  }
}

/** The offset of the first character that makes `text` invalid JSON; null when it is valid. */
export function jsonErrorPosition(text: string): number | null {
  let i = 0;
  const stop = (): never => {
    throw new Stop(i);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i += 1;
  };
  const expect = (char: string) => {
    if (text.charAt(i) !== char) stop();
    i += 1;
  };
  const string = () => {
    expect('"');
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') return void (i += 1);
      if (c === "\\") {
        i += 1;
        const e = text.charAt(i);
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop();
          i += 5;
        } else if (ESCAPES.has(e)) i += 1;
        else stop();
      } else if (c < " ") stop();
      else i += 1;
    }
    stop();
  };
  const sequence = (close: string, item: () => void) => {
    i += 1;
    space();
    if (text.charAt(i) === close) return void (i += 1);
    for (;;) {
      space();
      item();
      space();
      if (text.charAt(i) === ",") i += 1;
      else return expect(close);
    }
  };
  const value = (): void => {
    const c = text.charAt(i);
    if (c === "{")
      return sequence("}", () => {
        string();
        space();
        expect(":");
        space();
        value();
      });
    if (c === "[") return sequence("]", value);
    if (c === '"') return string();
    for (const word of ["true", "false", "null"])
      if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) stop();
    i = NUMBER.lastIndex;
  };
  try {
    space();
    value();
    space();
    if (i < text.length) stop();
    return null;
  } catch (caught) {
    if (caught instanceof Stop) return caught.at;
    throw caught;
  }
}
