/**
 * The model "New incident" starts from: small, valid and racy (a reader's write-back after a
 * writer's delete), with one fix that holds, so every part of the format shows once.
 */
export const NEW_INCIDENT_TEMPLATE = `# A new incident: its actors, what people saw (harm) and the fixes to judge.
# The format is described in docs/authoring.md. Nothing in a model is ever executed.
format: interleave/1
id: my-incident
title: 'My incident: a reader writes back a stale value'
story: >-
  A reader fills the cache from the database while a writer updates the row and deletes the
  key.
tags: [cache-aside]
narrative: cache

actors:
  - id: reader
    label: Reader
    kind: reader
    options: { key: 'user:1', mode: set, ttl: null, cache: cache, db: db }
  - id: writer
    label: Writer
    kind: writer
    options: { key: 'user:1', mode: delete, delay: 3, ttl: null, cache: cache, db: db }
  - { id: cache, label: Cache, kind: cache }
  - id: db
    label: Database
    kind: database
    options:
      rows: { 'user:1': { value: v1, version: 1 } }

invariants:
  # What people saw: once every request has finished, the cache is older than the database.
  - { use: stale-at-quiescence, role: harm, cache: cache, db: db }

fixes:
  - id: none
    label: No fix
    summary: 'Reader: GET, on miss SELECT then SET. Writer: UPDATE then DEL.'
  - id: leases
    label: Leases
    summary: A miss hands out a lease; DEL voids it; a SET without a valid lease is refused.
    options:
      reader: { mode: lease }
`;
