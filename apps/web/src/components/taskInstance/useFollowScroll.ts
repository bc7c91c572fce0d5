// "Follow" for a scrolling log: while on, new lines scroll into view; scrolling up turns it off
// (the reader is looking at something), scrolling back to the bottom turns it on again.
import { type RefObject, useCallback, useLayoutEffect, useState } from "react";

/** How close to the bottom (in pixels) still counts as at the bottom. */
const SLACK_PX = 8;

export interface FollowScroll {
  readonly following: boolean;
  readonly setFollowing: (following: boolean) => void;
  /** The scroll container's onScroll. */
  readonly onScroll: () => void;
}

/** `content` changes whenever lines are added (their count will do). */
export function useFollowScroll(
  ref: RefObject<HTMLElement | null>,
  content: unknown,
): FollowScroll {
  const [following, setFollowing] = useState(true);
  useLayoutEffect(() => {
    const element = ref.current;
    if (following && element !== null) element.scrollTop = element.scrollHeight;
  }, [ref, following, content]);
  const onScroll = useCallback(() => {
    const element = ref.current;
    if (element === null) return;
    setFollowing(element.scrollHeight - element.scrollTop - element.clientHeight <= SLACK_PX);
  }, [ref]);
  return { following, setFollowing, onScroll };
}
