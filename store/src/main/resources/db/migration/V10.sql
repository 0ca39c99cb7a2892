-- V10: an STS session remembers the unique id (AROA…) of the role it was issued for, so that a session of a
-- deleted role does not come back to life when a role of the same name is created. Sessions issued before this
-- migration have no id and are refused (they lasted at most 12 hours anyway).
ALTER TABLE iam_sessions ADD COLUMN role_id TEXT NOT NULL DEFAULT '';
