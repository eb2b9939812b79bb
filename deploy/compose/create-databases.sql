-- One database per service, as on the embedded default, and the key vault they share.
create database programs;
create database assessments;
create database exercises;
create database reminders;
create database insights;
create database vault;
