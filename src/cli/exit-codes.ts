/** Exit codes, Terraform-style: 0 ok / in sync, 1 a host failed, 2 changes present, 3 invalid input. */
export const EXIT = { ok: 0, failed: 1, changes: 2, invalid: 3 } as const;
