// A named path parameter as one string. Express types a handler's params loosely once a
// middleware (requireRole) precedes it; the route's own pattern always names the parameter.

/** The path parameter `value`, or "" when it is not one string. */
export const pathSegment = (value: unknown): string => (typeof value === "string" ? value : "");
