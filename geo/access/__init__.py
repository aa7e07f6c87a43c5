"""Who may write, and how a write is kept safe: beside the place logic, not inside it.

- `geo.access.editors`: editor logins configured by the deployment (PBKDF2
  hashes, a login throttle) and the `Editor` token every writing call checks.
- `geo.access.files`: the `flock` lock, atomic replace and durable append
  that every writer of a data folder uses (curation, suggestions, the layer
  store, the plan catalog). A lock not got in time is `LockTimeout`.
"""
