-- Red flags are a health signal about a few people, never a workplace figure: insights no longer keeps them
-- (EmployerVisibleFindings), and drops any it kept before.
update insights_latest_assessment
   set finding_codes = array_remove(finding_codes, 'RED_FLAG_SEEK_CLINICIAN')
 where 'RED_FLAG_SEEK_CLINICIAN' = any (finding_codes);
