"""A synthetic Resource Data Sync tree: what SSM would write to S3 for a fleet, untidy parts
included."""
