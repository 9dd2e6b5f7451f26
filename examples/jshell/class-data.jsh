// The training run of the notebook's class-data archive (examples/target/jshell.jsa), which the build makes
// (org.tipmonitor.examples.notebook.NotebookTraining): JShell loads monitor.jsh, then this file, which touches the
// data; then it starts its console, reads the end of its empty input and ends.
data();
ned();
