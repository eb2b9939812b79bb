-- One database per service, as on the embedded default.
create database programs;
create database assessments;
create database exercises;
create database reminders;
create database insights;
