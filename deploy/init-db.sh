#!/bin/sh
# First start of the postgres container only: the roles and databases README → Deploying →
# External PostgreSQL describes. The app connects as lastmile_app (rows only); migrations run as
# lastmile_owner; the Inngest server keeps its state in its own database.
set -eu
psql -v ON_ERROR_STOP=1 -U postgres -d postgres \
  -v owner_pw="$OWNER_DB_PASSWORD" -v app_pw="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE lastmile_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE lastmile_app LOGIN PASSWORD :'app_pw';
CREATE DATABASE lastmile OWNER lastmile_owner;
REVOKE ALL ON DATABASE lastmile FROM PUBLIC;
GRANT CONNECT ON DATABASE lastmile TO lastmile_app;
CREATE DATABASE inngest;
\c lastmile
GRANT USAGE ON SCHEMA public TO lastmile_app;
ALTER DEFAULT PRIVILEGES FOR ROLE lastmile_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lastmile_app;
ALTER DEFAULT PRIVILEGES FOR ROLE lastmile_owner IN SCHEMA public
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO lastmile_app;
SQL
