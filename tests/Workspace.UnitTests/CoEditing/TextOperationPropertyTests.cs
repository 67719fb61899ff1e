using FsCheck;
using FsCheck.Fluent;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.UnitTests.CoEditing;

/// <summary>Algebraic properties of TextOperation on random texts and operations (FsCheck, 500 cases each).</summary>
public sealed class TextOperationPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly string[] Pieces = ["a", "b", "æ", "ø", "å", " ", "\n", "😀", "😁", "🎉"];

    /// <summary>A text of whole characters (emoji included, never half of one).</summary>
    private static Gen<string> Texts() =>
        Gen.Elements(Pieces).ArrayOf().Select(string.Concat);

    /// <summary>Random steps, read against a text by <see cref="OperationOn"/>: (0 keep | 1 insert | 2 delete, length, text).</summary>
    private static Gen<(int Kind, int Length, string Text)[]> Moves() =>
        (from kind in Gen.Choose(0, 2)
         from length in Gen.Choose(0, 6)
         from text in Texts()
         select (kind, length, text)).ArrayOf();

    /// <summary>Turns random steps into an operation that fits <paramref name="text"/>.</summary>
    internal static TextOperation OperationOn(string text, (int Kind, int Length, string Text)[] moves)
    {
        var components = new List<OpComponent>();
        var position = 0;
        foreach (var (kind, length, insert) in moves)
        {
            var available = Math.Min(length, text.Length - position);
            switch (kind)
            {
                case 0:
                    components.Add(OpComponent.Retain(available));
                    position += available;
                    break;
                case 1:
                    components.Add(OpComponent.Insert(insert));
                    break;
                default:
                    components.Add(OpComponent.Delete(available));
                    position += available;
                    break;
            }
        }
        return TextOperation.Create([.. components]);
    }

    [Fact]
    public void Transformed_operations_converge_whichever_was_first()
    {
        // Arrange
        var cases = from text in Texts()
                    from a in Moves()
                    from b in Moves()
                    from left in Gen.Elements(true, false)
                    select (text, a, b, left);

        // Act and assert
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var a = OperationOn(c.text, c.a);
            var b = OperationOn(c.text, c.b);
            var side = c.left ? TransformSide.Left : TransformSide.Right;
            var other = c.left ? TransformSide.Right : TransformSide.Left;
            var viaA = TextOperation.Transform(b, a, other).Apply(a.Apply(c.text));
            var viaB = TextOperation.Transform(a, b, side).Apply(b.Apply(c.text));
            Assert.Equal(viaA, viaB);
        }).Check(Cases);
    }

    [Fact]
    public void Text_inserted_by_either_side_survives_a_transform()
    {
        // Arrange: inserts made of characters no text has, so they can be found afterwards.
        var cases = from text in Texts()
                    from a in Moves()
                    from b in Moves()
                    select (text, a, b);

        // Act and assert
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var a = OperationOn(c.text, [.. c.a.Select(m => m with { Text = "X" })]);
            var b = OperationOn(c.text, [.. c.b.Select(m => m with { Text = "Y" })]);
            var result = TextOperation.Transform(b, a, TransformSide.Right).Apply(a.Apply(c.text));
            Assert.Equal(a.InsertedLength, result.Count(ch => ch == 'X'));
            Assert.Equal(b.InsertedLength, result.Count(ch => ch == 'Y'));
        }).Check(Cases);
    }

    [Fact]
    public void Composed_operation_does_what_the_two_do_in_turn()
    {
        // Arrange
        var cases = from text in Texts()
                    from a in Moves()
                    from b in Moves()
                    select (text, a, b);

        // Act and assert
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var first = OperationOn(c.text, c.a);
            var middle = first.Apply(c.text);
            var second = OperationOn(middle, c.b);
            var composed = TextOperation.Compose(first, second);
            Assert.Equal(second.Apply(middle), composed.Apply(c.text));
        }).Check(Cases);
    }

    [Fact]
    public void Diff_turns_the_old_text_into_the_new_one_without_cutting_an_emoji()
    {
        // Arrange
        var cases = from oldText in Texts()
                    from newText in Texts()
                    from caret in Gen.Choose(-1, 40)
                    select (oldText, newText, caret);

        // Act and assert
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            int? caret = c.caret < 0 ? null : Math.Min(c.caret, c.newText.Length);
            var diff = TextOperation.FromDiff(c.oldText, c.newText, caret);
            diff.EnsureFits(c.oldText);
            Assert.Equal(c.newText, diff.Apply(c.oldText));
            Assert.True(diff.Components.Length <= 3);
        }).Check(Cases);
    }

    [Fact]
    public void Json_round_trip_keeps_every_operation()
    {
        // Arrange
        var cases = from text in Texts()
                    from moves in Moves()
                    select (text, moves);

        // Act and assert
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var operation = OperationOn(c.text, c.moves);
            Assert.Equal(operation, TextOperation.Parse(operation.ToJson()));
        }).Check(Cases);
    }
}
