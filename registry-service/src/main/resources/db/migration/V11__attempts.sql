-- A retried deployment asks again for a failed standby registration or AZ activation, as the next attempt.
ALTER TABLE binding ADD COLUMN attempt INT NOT NULL DEFAULT 1;
ALTER TABLE availability_zone ADD COLUMN attempt INT NOT NULL DEFAULT 1;
