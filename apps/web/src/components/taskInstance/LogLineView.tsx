// One log line: local time (the UTC instant in the tooltip), the level coloured, the message.
import { memo } from "react";
import { formatLogTime, type LogLine } from "./logLine";

export const LogLineView = memo(function LogLineView({ line }: { readonly line: LogLine }) {
  return (
    <span className="log-line" data-level={line.level ?? undefined}>
      {line.timestamp !== null && (
        <>
          <time className="log-time" dateTime={line.timestamp} title={line.timestamp}>
            {formatLogTime(line.timestamp)}
          </time>{" "}
        </>
      )}
      {line.level !== null && (
        <>
          <span className="log-level" data-level={line.level}>
            {line.level.toUpperCase()}
          </span>{" "}
        </>
      )}
      <span className="log-message">{line.event}</span>
    </span>
  );
});
