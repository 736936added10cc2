-- Blank LinkedIn credentials in neutralized (copied/staging) databases so
-- they never reach LinkedIn with production secrets.
UPDATE linkedin_backend
   SET client_secret = NULL,
       enabled = FALSE;
