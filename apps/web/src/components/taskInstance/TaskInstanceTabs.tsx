// The task instance page's tabs. Arrow keys move between them (the tab pattern of WAI-ARIA);
// the chosen one is kept in the address, so a link or a reload opens the same tab.
import { type KeyboardEvent, useRef } from "react";

export const TASK_INSTANCE_TABS = [
  { id: "logs", label: "Logs" },
  { id: "rendered", label: "Rendered templates" },
  { id: "xcom", label: "XCom" },
  { id: "details", label: "Details" },
] as const;
export type TaskInstanceTab = (typeof TASK_INSTANCE_TABS)[number]["id"];

/** The tab an address names; Logs for none or an unknown one. */
export function parseTaskInstanceTab(value: string | null): TaskInstanceTab {
  return TASK_INSTANCE_TABS.find((tab) => tab.id === value)?.id ?? "logs";
}

export const tabId = (tab: TaskInstanceTab) => `ti-tab-${tab}`;
export const tabPanelId = (tab: TaskInstanceTab) => `ti-panel-${tab}`;

export interface TaskInstanceTabsProps {
  readonly selected: TaskInstanceTab;
  readonly onSelect: (tab: TaskInstanceTab) => void;
}

export function TaskInstanceTabs({ selected, onSelect }: TaskInstanceTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = TASK_INSTANCE_TABS.findIndex((tab) => tab.id === selected);
    const count = TASK_INSTANCE_TABS.length;
    const next = TASK_INSTANCE_TABS[(index + step + count) % count];
    if (next === undefined) return;
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(next.id)}`)?.focus();
  };
  return (
    <div
      ref={list}
      className="tabs"
      role="tablist"
      aria-label="Task instance"
      onKeyDown={onKeyDown}
    >
      {TASK_INSTANCE_TABS.map((tab) => (
        <button
          key={tab.id}
          id={tabId(tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
