// A row's action button in an admin list: it reads "Edit" and is named for its row
// ("Edit my_postgres"), so a screen reader and the tests tell the rows' buttons apart.
export function RowButton({
  action,
  row,
  onClick,
}: {
  readonly action: string;
  readonly row: string;
  readonly onClick: () => void;
}) {
  return (
    <button type="button" className="small" aria-label={`${action} ${row}`} onClick={onClick}>
      {action}
    </button>
  );
}
