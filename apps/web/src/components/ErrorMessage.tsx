// An error in words: the API's detail when there is one, never a stack.
import { ApiRequestError } from "../api/apiRequestError";

export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof TypeError) return "The server cannot be reached. Is it running?";
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export function ErrorMessage({
  error,
  title,
}: {
  readonly error: unknown;
  readonly title?: string;
}) {
  return (
    <div className="error-message" role="alert">
      {title !== undefined && <strong>{title}: </strong>}
      {errorText(error)}
    </div>
  );
}
