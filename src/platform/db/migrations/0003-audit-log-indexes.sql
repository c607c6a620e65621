-- The back office reads the audit log by actor and by action (exact or prefix such as `user.`), newest first.
CREATE INDEX audit_log_actor ON platform.audit_log (actor_id, at DESC);
CREATE INDEX audit_log_action ON platform.audit_log (action text_pattern_ops, at DESC);
CREATE INDEX audit_log_resource_id ON platform.audit_log (resource_id);
