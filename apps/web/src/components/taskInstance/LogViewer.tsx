// One try's log: read from the API page by page, then — while the try may still write — followed
// through the live stream, whose batches are joined without duplicates (liveLog.ts). The reader
// filters by level, wraps lines or not, follows the end or scrolls freely, and downloads the text.
import { useCallback, useId, useMemo, useRef, useState } from "react";
import { LOG_PAGE_LINES, MAX_LOG_PAGES, useTryLog } from "../../api/logs";
import type { TaskInstanceKey } from "../../api/taskInstances";
import { type LiveLogBatch, useLiveEvents } from "../../api/useLiveEvents";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { downloadText, safeFileName } from "./downloadText";
import { appendLiveBatch, EMPTY_LIVE_LOG, type LiveLog, mergeLogLines } from "./liveLog";
import { isLogLevelFilter, LOG_LEVEL_FILTERS, type LogLevelFilter, passesLevel } from "./logLevel";
import { logLineText, toLogLine } from "./logLine";
import { LogLineView } from "./LogLineView";
import { useFollowScroll } from "./useFollowScroll";

export interface LogViewerProps {
  readonly taskInstance: TaskInstanceKey;
  readonly tryNumber: number;
  /** The try may still write lines: follow the live stream. */
  readonly live: boolean;
}

/** The live lines received for one try (lines of another try are never shown). */
function useLiveLines(taskInstance: TaskInstanceKey, tryNumber: number, live: boolean): LiveLog {
  const { dagId, runId, taskId, mapIndex } = taskInstance;
  const tryId = JSON.stringify([dagId, runId, taskId, mapIndex, tryNumber]);
  const [received, setReceived] = useState({ tryId, log: EMPTY_LIVE_LOG });
  const onLog = useCallback(
    (batch: LiveLogBatch) =>
      setReceived((previous) => ({
        tryId,
        log: appendLiveBatch(previous.tryId === tryId ? previous.log : EMPTY_LIVE_LOG, batch),
      })),
    [tryId],
  );
  useLiveEvents(
    live
      ? {
          dag_id: dagId,
          dag_run_id: runId,
          task_id: taskId,
          map_index: mapIndex,
          try_number: tryNumber,
        }
      : null,
    onLog,
  );
  return received.tryId === tryId ? received.log : EMPTY_LIVE_LOG;
}

export function LogViewer({ taskInstance, tryNumber, live }: LogViewerProps) {
  const log = useTryLog(taskInstance, tryNumber, live);
  const liveLog = useLiveLines(taskInstance, tryNumber, live);
  const lines = useMemo(
    () => mergeLogLines(log.data?.content ?? [], liveLog).map(toLogLine),
    [log.data, liveLog],
  );
  const levelId = useId();
  const [level, setLevel] = useState<LogLevelFilter>("all");
  const [wrap, setWrap] = useState(true);
  const shown = useMemo(() => lines.filter((line) => passesLevel(line, level)), [lines, level]);
  const ref = useRef<HTMLDivElement>(null);
  const follow = useFollowScroll(ref, shown.length);

  const download = () => {
    const { dagId, runId, taskId, mapIndex } = taskInstance;
    const name = safeFileName(
      [
        `dag_id=${dagId}`,
        `run_id=${runId}`,
        `task_id=${taskId}`,
        ...(mapIndex >= 0 ? [`map_index=${mapIndex}`] : []),
        `attempt=${tryNumber}`,
      ],
      "log",
    );
    downloadText(name, lines.map((line) => `${logLineText(line)}\n`).join(""));
  };

  return (
    <div className="log-viewer">
      <div className="toolbar log-toolbar">
        <span className="log-level-filter">
          <label htmlFor={levelId}>Level</label>
          <select
            id={levelId}
            value={level}
            onChange={(event) => {
              if (isLogLevelFilter(event.target.value)) setLevel(event.target.value);
            }}
          >
            {LOG_LEVEL_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </span>
        <label className="inline">
          <input
            type="checkbox"
            checked={wrap}
            onChange={(event) => setWrap(event.target.checked)}
          />
          Wrap lines
        </label>
        <button
          type="button"
          aria-pressed={follow.following}
          onClick={() => follow.setFollowing(!follow.following)}
          title="Keep the last line in view as lines arrive"
        >
          Follow
        </button>
        <span className="spacer" />
        {live && <span className="live-indicator">Live</span>}
        <span className="muted">
          {lines.length === 1 ? "1 line" : `${lines.length} lines`}
          {shown.length !== lines.length && `, ${shown.length} shown`}
        </span>
        <button type="button" onClick={download} disabled={lines.length === 0}>
          Download
        </button>
      </div>
      {log.data?.truncated === true && (
        <div className="banner">
          Only the first {MAX_LOG_PAGES * LOG_PAGE_LINES} lines are shown; the try wrote more.
        </div>
      )}
      {log.isError && <ErrorMessage error={log.error} title="The log cannot be read" />}
      <div
        ref={ref}
        className="log-view"
        data-wrap={wrap}
        role="log"
        aria-label="Log"
        tabIndex={0}
        onScroll={follow.onScroll}
      >
        {log.isPending ? (
          <Loading what="the log" />
        ) : log.isError && log.data === undefined ? null : lines.length === 0 ? (
          <EmptyState>No log lines for try {tryNumber} yet</EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState>No lines at this level: choose “All levels” to see the others.</EmptyState>
        ) : (
          shown.map((line, index) => <LogLineView key={index} line={line} />)
        )}
      </div>
    </div>
  );
}
