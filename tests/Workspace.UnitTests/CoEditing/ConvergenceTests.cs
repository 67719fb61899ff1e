using FsCheck;
using FsCheck.Fluent;

namespace Workspace.UnitTests.CoEditing;

/// <summary>
/// Random concurrent editing by 2-5 clients with delays, reordering, lost connections and repeated submissions
/// (see <see cref="ConvergenceSimulation"/>): every client ends with the server's text, no typed character is lost
/// unless someone deleted it, none comes back after being deleted, and carets move only by edits before them.
/// </summary>
public sealed class ConvergenceTests
{
    private static Gen<SimulationScenario> Scenarios() =>
        from clients in Gen.Choose(2, 5)
        from echo in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        from count in Gen.Choose(10, 160)
        from steps in (from kind in Gen.Choose(0, 19)
                       from client in Gen.Choose(0, 4)
                       from a in Gen.Choose(0, 10_000)
                       from b in Gen.Choose(0, 10_000)
                       select new SimulationStep(kind, client, a, b)).ArrayOf(count)
        select new SimulationScenario(clients, echo, seed, steps);

    [Fact]
    public void Concurrent_edits_from_several_clients_converge_and_keep_every_keystroke()
    {
        // Arrange
        var config = Config.QuickThrowOnFailure.WithMaxTest(600);

        // Act and assert
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var problems = ConvergenceSimulation.Run(scenario);
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(5)));
        }).Check(config);
    }

    [Fact]
    public void A_scenario_with_every_kind_of_step_converges()
    {
        // Arrange: edits on both clients, one submission reaching the server while the connection drops, an edit
        // offline, reconnecting, and answers delivered out of order.
        var steps = new SimulationStep[]
        {
            new(0, 0, 3, 1), new(0, 1, 3, 2), new(6, 0, 0, 0), new(6, 1, 0, 0), new(16, 0, 0, 0),
            new(0, 0, 1, 4), new(10, 1, 1, 0), new(10, 1, 0, 0), new(17, 0, 0, 0), new(19, 1, 2, 5),
            new(6, 0, 0, 0), new(10, 0, 1, 0), new(10, 1, 0, 0), new(0, 1, 0, 3),
        };

        // Act
        var problems = ConvergenceSimulation.Run(new SimulationScenario(2, false, 7, steps));

        // Assert
        Assert.Empty(problems);
    }
}
