// Migration 0005: the API's users (Airflow FAB's `ab_user`, simplified: one role per user in a
// column instead of the ab_role / ab_user_role tables). Passwords are stored only as scrypt
// hashes (`scrypt$N$r$p$salt$hash`); the checks repeat the API's rules so no other writer can
// store a username or role the API would refuse.

/** The SQL of migration 0005. */
export const sql = /* sql */ `
create table ab_user (
  id serial primary key,
  username text not null unique check (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
  role text not null check (role in ('Viewer', 'User', 'Op', 'Admin')),
  password_hash text not null check (password_hash like 'scrypt$%'),
  first_name text,
  last_name text,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  last_login timestamptz
);
create index idx_ab_user_admin on ab_user (id) where role = 'Admin';
`;
