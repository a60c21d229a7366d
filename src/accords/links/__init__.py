"""What ties documents together: the same event (see `accords.store.events`), renewals of a
commitment (`renewals`), measurements against targets, language versions of one text."""
