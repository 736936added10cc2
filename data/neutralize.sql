-- Blank LinkedIn credentials in neutralized (copied/staging) databases so
-- they never reach LinkedIn with production secrets.
UPDATE res_company
   SET linkedin_client_secret = NULL,
       linkedin_enabled = FALSE;
