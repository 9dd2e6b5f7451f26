/set mode monitor normal -command
/set truncation monitor 40000 varvalue,expression
/set feedback monitor
