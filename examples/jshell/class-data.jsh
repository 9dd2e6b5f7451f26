// The training run of the notebook's class-data archive (examples/target/jshell.jsa), which the build makes:
// JShell loads monitor.jsh, then this file, which touches the data, and ends.
data();
ned();
/exit
